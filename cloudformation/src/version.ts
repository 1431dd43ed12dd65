/**
 * The role template's version. It is also written in tag-compliance-role.yaml (Metadata and the
 * TemplateVersion output); a test keeps the three equal, so the control plane can record on a
 * connection exactly which policy the customer deployed.
 */
export const TEMPLATE_VERSION = "2026-12-03.4";
