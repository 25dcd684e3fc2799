import { token } from '../area.js';
import type { AuthService } from '../../../core/organisation/auth.service.js';
import type { OrganisationService } from '../../../core/organisation/organisation.service.js';

export const AuthServiceToken = token<AuthService>('AuthService');
export const OrganisationServiceToken = token<OrganisationService>('OrganisationService');
