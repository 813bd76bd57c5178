-- local placeholder for another branch's migration; not committed
select 1;
