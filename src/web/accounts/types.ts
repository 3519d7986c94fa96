// Accounts as the server sends them (/api/admin/accounts…).
export type AccountState = 'none' | 'active' | 'must_change' | 'disabled';

export interface AccountRef {
  accountId: string | null;
  username: string | null;
  state: AccountState;
}

export interface PersonAccount {
  personId: string;
  givenName: string;
  familyName: string;
  account: AccountRef;
}

export interface StaffAccount extends PersonAccount {
  roles: string[];
  manageable: boolean;
}

export interface ClassSummary {
  id: string;
  name: string;
  schoolYear: number | null;
  pupils: number;
  withLogin: number;
}

export interface ClassAccounts {
  class: { id: string; name: string };
  pupils: PersonAccount[];
}

/** A new initial password, in the one answer that carries it. */
export interface ShownPassword {
  accountId: string;
  personId: string;
  name: string;
  username: string;
  password: string;
}

export const ACCOUNT_ERRORS = ['not_in_class', 'account_disabled', 'accounts_changed', 'account_exists', 'privileged_account', 'own_account', 'not_found'] as const;
