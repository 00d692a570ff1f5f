"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormStatus } from "@/app/components/FormStatus";
import { useWrite } from "@/app/components/use-write";
import type { WriteResult } from "@/lib/server/mutations/result";
import { signInAction } from "./actions";

// Sign-in answers in its own shape (no version, no record); as a write it goes through the one hook.
async function signIn(input: { name: string; password: string }): Promise<WriteResult<null>> {
  const r = await signInAction(input);
  return r.ok ? { ok: true, data: null } : { ok: false, kind: "invalid", fieldErrors: r.fieldErrors ?? {}, formErrors: [r.message], submitted: null };
}

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const write = useWrite(signIn, { form: formRef, refresh: false, busyText: "Signing in…" });
  const errors = write.fieldErrors;
  return (
    <form
      ref={formRef}
      className="signin"
      onSubmit={(e) => {
        e.preventDefault();
        write.submit(
          { name, password },
          {
            okText: "Signed in",
            onOk: () => {
              router.replace(next);
              router.refresh();
            },
            onFail: () => setPassword(""),
          },
        );
      }}
    >
      <label className="field">
        Your name
        <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} />
        {errors.name && <span className="field-error">{errors.name.join("; ")}</span>}
      </label>
      <label className="field">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={!!errors.password}
        />
        {errors.password && <span className="field-error">{errors.password.join("; ")}</span>}
      </label>
      <button type="submit" disabled={write.pending}>
        {write.pending ? "Signing in…" : "Sign in"}
      </button>
      <FormStatus status={write.status?.tone === "busy" ? null : write.status} />
    </form>
  );
}
