import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Item, type RequestBody, unwrap } from '../api';

export type Mail = Item<'/v1/emails'>;
export type Template = Item<'/v1/campaigns/{id}/email_templates'>;
export type TemplateKind = Template['kind'];
export type TemplateChanges = RequestBody<'/v1/campaigns/{id}/email_templates/{kind}', 'post'>;

export function useMails(after: string | undefined) {
  return useQuery({
    queryKey: ['emails', { after }],
    queryFn: () => unwrap(api.GET('/v1/emails', { params: { query: { limit: 20, starting_after: after } } })),
    placeholderData: keepPreviousData,
    refetchInterval: () => (document.hidden ? false : 5000),
  });
}

export function useMail(id: string | null) {
  return useQuery({
    queryKey: ['emails', 'one', id],
    queryFn: () => unwrap(api.GET('/v1/emails/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

export function useTemplates(campaignId: string) {
  return useQuery({
    queryKey: ['email-templates', campaignId],
    queryFn: () =>
      unwrap(api.GET('/v1/campaigns/{id}/email_templates', { params: { path: { id: campaignId } } })),
  });
}

export function useSaveTemplate(campaignId: string, kind: TemplateKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateChanges) =>
      unwrap(
        api.POST('/v1/campaigns/{id}/email_templates/{kind}', {
          params: { path: { id: campaignId, kind } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['email-templates', campaignId] }),
  });
}

export function usePreview(campaignId: string, kind: TemplateKind) {
  return useMutation({
    mutationFn: (body: { subject: string; html: string; text: string }) =>
      unwrap(
        api.POST('/v1/campaigns/{id}/email_templates/{kind}/preview', {
          params: { path: { id: campaignId, kind } },
          body,
        }),
      ),
  });
}

export type Send = Item<'/v1/campaigns/{id}/email_sends'>;
export type NewSend = RequestBody<'/v1/campaigns/{id}/email_sends', 'post'>;

export function useSends(campaignId: string) {
  return useQuery({
    queryKey: ['email-sends', campaignId],
    queryFn: () =>
      unwrap(
        api.GET('/v1/campaigns/{id}/email_sends', {
          params: { path: { id: campaignId }, query: { limit: 20 } },
        }),
      ),
    // Progress moves while mails go out; not while the page is hidden.
    refetchInterval: (query) =>
      !document.hidden && query.state.data?.data.some((s) => s.counts.pending > 0) ? 2000 : false,
  });
}

export function useStartSend(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSend) =>
      unwrap(api.POST('/v1/campaigns/{id}/email_sends', { params: { path: { id: campaignId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['email-sends', campaignId] }),
  });
}

export function useSendPreview(campaignId: string) {
  return useMutation({
    mutationFn: (body: { subject: string; html: string; text: string }) =>
      unwrap(
        api.POST('/v1/campaigns/{id}/email_sends/preview', { params: { path: { id: campaignId } }, body }),
      ),
  });
}
