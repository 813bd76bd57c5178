import { stripeLeadCustomerTask } from './stripe-lead-customer-task.js';
import { stripeReferrerCustomerTask } from './stripe-referrer-customer-task.js';
import type { TaskDefinition } from './task-definition.js';

/** Every kind of task (work a person waits on); a later capability adds its task here. */
export const taskDefinitions: TaskDefinition[] = [stripeLeadCustomerTask, stripeReferrerCustomerTask];
