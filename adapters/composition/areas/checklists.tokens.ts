import { token } from '../area.js';
import type { ChecklistService } from '../../../core/checklists/checklist.service.js';
import type { ChecklistReminders } from '../../../core/checklists/checklist-reminders.js';
import type { ChecklistSettingsService } from '../../../core/checklists/checklist-settings.service.js';

export const ChecklistServiceToken = token<ChecklistService>('ChecklistService');
export const ChecklistRemindersToken = token<ChecklistReminders>('ChecklistReminders');
export const ChecklistSettingsServiceToken = token<ChecklistSettingsService>('ChecklistSettingsService');
