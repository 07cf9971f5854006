export interface Me {
  user: {
    id: string;
    username: string;
    displayName: string;
    personId: string | null;
    clearance: number;
    locale: string;
    mustChangePassword: boolean;
  };
  grants: { role: string; orgId: string; orgName: string }[];
  csrfToken: string;
}
