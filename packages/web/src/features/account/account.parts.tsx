import { Badge, Group, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import { APP_ROLE_LABELS, checkPassword } from '@quyche/core';
import type { AppRole, UserSchema } from '@quyche/core';
import type { ApiError } from '../../app/api';
import { useLang } from '../../app/ui/i18n';
import type { Lang } from '../../app/ui/i18n';

export type Account = z.infer<typeof UserSchema>;

export const roleLabel = (role: string, l: Lang) => APP_ROLE_LABELS[role as AppRole]?.[l] ?? role;

/** The account's state in words: locked or active, and whether a new password is awaited. */
export function AccountState({ a, l }: { a: Account; l: Lang }) {
  return (
    <Group gap={6} wrap="wrap">
      {a.disabled ? (
        <Badge color="gray" variant="filled" tt="none" data-testid="account-state" data-state="disabled">
          {l === 'vi' ? 'Đã khóa' : 'Locked'}
        </Badge>
      ) : (
        <Badge color="green" variant="light" tt="none" data-testid="account-state" data-state="active">
          {l === 'vi' ? 'Đang hoạt động' : 'Active'}
        </Badge>
      )}
      {a.mustChangePassword && (
        <Badge color="orange" variant="light" tt="none" data-testid="account-must-change">
          {l === 'vi' ? 'Phải đổi mật khẩu' : 'Must change password'}
        </Badge>
      )}
    </Group>
  );
}

export interface PasswordErrors {
  next: string[];
  repeat: string[];
}

/** The same policy the server applies, run before sending, so that a form never submits a field marked invalid. */
function newPasswordErrors(
  next: string,
  repeat: string,
  l: Lang,
  opts: { username: string; current?: string },
): PasswordErrors {
  const reasons = checkPassword(next, opts).reasons.map((r) => r[l]);
  const mismatch =
    repeat !== next
      ? [l === 'vi' ? 'Hai lần nhập mật khẩu mới không khớp nhau.' : 'The two new passwords differ.']
      : [];
  return { next: reasons, repeat: mismatch };
}
const hasErrors = (e: PasswordErrors) => e.next.length > 0 || e.repeat.length > 0;

/** The server's reasons for `field`, beside the input (the policy, a wrong current password). */
export const serverErrors = (error: ApiError | null, field: string) => error?.messagesFor(field) ?? [];

const lines = (xs: string[]) => (xs.length ? xs.map((x) => <div key={x}>{x}</div>) : undefined);

const NONE: PasswordErrors = { next: [], repeat: [] };

/**
 * The state of a new password typed twice: `validate` runs the policy before sending (false, with the reasons
 * under the inputs, when it refuses); `fields` gives the inputs their values and the server's reasons too.
 */
export function useNewPassword() {
  const [l] = useLang();
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState<PasswordErrors>(NONE);
  return {
    next,
    validate(opts: { username: string; current?: string }) {
      const errors = newPasswordErrors(next, repeat, l, opts);
      setChecked(errors);
      return !hasErrors(errors);
    },
    clear() {
      setNext('');
      setRepeat('');
      setChecked(NONE);
    },
    fields(fromServer: string[]) {
      return {
        next,
        repeat,
        l,
        errors: { next: [...checked.next, ...fromServer], repeat: checked.repeat },
        onNext: (v: string) => {
          setNext(v);
          setChecked(NONE);
        },
        onRepeat: (v: string) => {
          setRepeat(v);
          setChecked((c) => ({ ...c, repeat: [] }));
        },
      };
    },
  };
}

/** A new password typed twice, with the policy's reasons under each input. */
export function NewPasswordFields(p: {
  next: string;
  repeat: string;
  onNext: (v: string) => void;
  onRepeat: (v: string) => void;
  errors: PasswordErrors;
  l: Lang;
  testid: string;
}) {
  return (
    <Stack gap="sm">
      <PasswordInput
        label={p.l === 'vi' ? 'Mật khẩu mới' : 'New password'}
        description={
          p.l === 'vi'
            ? 'Ít nhất 10 ký tự; không dùng mật khẩu phổ biến hay tên đăng nhập. Nên dùng một câu dễ nhớ.'
            : 'At least 10 characters; not a common password nor the username. A phrase is easy to remember.'
        }
        value={p.next}
        onChange={(e) => p.onNext(e.currentTarget.value)}
        error={lines(p.errors.next)}
        autoComplete="new-password"
        required
        data-testid={`${p.testid}-new`}
      />
      <PasswordInput
        label={p.l === 'vi' ? 'Nhập lại mật khẩu mới' : 'Repeat the new password'}
        value={p.repeat}
        onChange={(e) => p.onRepeat(e.currentTarget.value)}
        error={lines(p.errors.repeat)}
        autoComplete="new-password"
        required
        data-testid={`${p.testid}-repeat`}
      />
    </Stack>
  );
}
