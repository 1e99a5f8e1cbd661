/** A follow-up's status, as the Status column shows it. Declared here alone (no imports) so the RPC contract can share it. */
export type FollowUpStatus = 'Overdue' | 'Due soon' | 'On track' | 'No contact yet' | 'Snoozed';
