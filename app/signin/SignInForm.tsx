"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  return (
    <form className="signin" onSubmit={(e) => {
      e.preventDefault();
      start(async () => {
        const r = await signInAction({ name, password });
        if (r.ok) { router.replace(next); router.refresh(); return; }
        setMessage(r.message);
        setErrors(r.fieldErrors ?? {});
        setPassword("");
      });
    }}>
      <label className="field">Your name
        <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} />
        {errors.name && <span className="field-error">{errors.name.join("; ")}</span>}
      </label>
      <label className="field">Password
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={!!errors.password} />
        {errors.password && <span className="field-error">{errors.password.join("; ")}</span>}
      </label>
      <button type="submit" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</button>
      {message && <p className="form-status bad" role="alert">{message}</p>}
    </form>
  );
}
