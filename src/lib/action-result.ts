// What a server action answers (authedAction in src/server/auth builds it), and the shape of an
// action a form calls: here so that components can take actions as props from their route without
// importing the server.
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | {
      ok: false;
      formError?: string;
      fieldErrors?: Record<string, string>;
      /** What was submitted (passwords left out), for the form's default values after React resets it. */
      values?: Record<string, string>;
    };

export type FormAction<T = undefined> = (
  previous: ActionResult<T> | null,
  formData: FormData,
) => Promise<ActionResult<T>>;
