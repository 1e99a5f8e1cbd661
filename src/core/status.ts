/** A follow-up's status, as the Status column shows it. Declared here alone (no imports) so the RPC contract can share it. */
export type Status = 'Overdue' | 'Due soon' | 'On track' | 'No contact yet' | 'Snoozed';
