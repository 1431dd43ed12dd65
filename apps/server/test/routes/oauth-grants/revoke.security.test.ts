import { ROUTES } from "../../support/routes";
import { describeSecurity } from "../../support/security";

describeSecurity(ROUTES.revokeOAuthGrant);
