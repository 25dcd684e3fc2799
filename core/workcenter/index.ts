// core/workcenter (工作台): tasks (任务管理) and their rules, messages (消息) from domain events, the inbox of
// what waits for someone, and follow-up reminders.
export * from './task.js';
export * from './task-fields.js';
export * from './task-visibility.js';
export * from './task-rules.js';
export * from './message.js';
export * from './message-rules.js';
export * from './text-template.js';
export * from './inbox.js';
export * from './ports.js';
export * from './inbox-ports.js';
export * from './task.service.js';
export * from './task-rule.service.js';
export * from './task-rule-runner.js';
export * from './message.service.js';
export * from './message-subscriber.js';
export * from './inbox.service.js';
export * from './follow-up-reminders.js';
