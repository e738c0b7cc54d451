import { test as base, expect, type Browser, type Page } from "@playwright/test";
import crypto from "node:crypto";
import { SignInPage } from "./pages/sign-in-page";
import { Shell } from "./pages/shell";
import { UsersPage, type NewUser } from "./pages/users-page";

export interface Credentials {
  email: string;
  password: string;
}

export const admin: Credentials = {
  email: process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test",
  password: process.env.E2E_ADMIN_PASSWORD ?? "",
};

/** A unique email per test run, so tests never collide with what an earlier test created. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}@e2e.test`;
}

export async function newSignedInPage(browser: Browser, who: Credentials, locale = "en-US"): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await new SignInPage(page).signIn(who.email, who.password);
  return page;
}

/** Has the admin create a user through the Users page, in a context of its own. */
export async function createUserAsAdmin(
  browser: Browser,
  user: Omit<NewUser, "email"> & { email?: string },
): Promise<Credentials> {
  const page = await newSignedInPage(browser, admin);
  const users = new UsersPage(page);
  await users.goto();
  const email = user.email ?? uniqueEmail(user.role);
  const password = await users.createUser({ ...user, email });
  await page.context().close();
  return { email, password };
}

export const test = base.extend<{ signInPage: SignInPage; shell: Shell; usersPage: UsersPage }>({
  signInPage: async ({ page }, provide) => provide(new SignInPage(page)),
  shell: async ({ page }, provide) => provide(new Shell(page)),
  usersPage: async ({ page }, provide) => provide(new UsersPage(page)),
});

export { expect };
