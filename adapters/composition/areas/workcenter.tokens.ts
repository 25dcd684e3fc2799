import { token } from '../area.js';
import type { MessageService } from '../../../core/workcenter/message.service.js';
import type { TaskService } from '../../../core/workcenter/task.service.js';
import type { TaskRuleService } from '../../../core/workcenter/task-rule.service.js';
import type { TaskRuleRunner } from '../../../core/workcenter/task-rule-runner.js';
import type { FollowUpReminders } from '../../../core/workcenter/follow-up-reminders.js';
import type { NotificationSource } from '../../../core/notifications/source.js';

export const MessageServiceToken = token<MessageService>('MessageService');
export const TaskServiceToken = token<TaskService>('TaskService');
export const TaskRuleServiceToken = token<TaskRuleService>('TaskRuleService');
export const TaskRuleRunnerToken = token<TaskRuleRunner>('TaskRuleRunner');
export const FollowUpRemindersToken = token<FollowUpReminders>('FollowUpReminders');
export const NotificationSourceToken = token<NotificationSource>('NotificationSource');
