import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const decodes = vi.hoisted(() => ({ count: 0 }));
vi.mock("next-auth/jwt", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth/jwt")>();
  return {
    ...actual,
    decode: (params: Parameters<typeof actual.decode>[0]) => {
      decodes.count++;
      return actual.decode(params);
    },
  };
});

const { encode } = await import("next-auth/jwt");
const { decodeSessionToken, keptSessionTokens } = await import("./session-token-cache");

const secret = "a-secret-of-the-tests-a-secret-of-the-tests";
const mint = (sub: string, maxAge = 3600) => encode({ token: { sub, sessionVersion: 1 }, secret, maxAge });

beforeEach(() => {
  decodes.count = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe("decodeSessionToken", () => {
  it("decrypts a cookie once and answers its claims again from memory, as copies", async () => {
    const token = await mint("user-a");
    const first = await decodeSessionToken({ token, secret });
    const second = await decodeSessionToken({ token, secret });
    expect(first).toMatchObject({ sub: "user-a", sessionVersion: 1 });
    expect(second).toEqual(first);
    expect(decodes.count).toBe(1);
    second!.sub = "changed by a caller";
    expect((await decodeSessionToken({ token, secret }))!.sub).toBe("user-a");
  });

  it("never answers for another secret: a cookie sealed with one does not open with another", async () => {
    const token = await mint("user-b");
    await decodeSessionToken({ token, secret });
    await expect(decodeSessionToken({ token, secret: `${secret}-rotated` })).rejects.toThrow();
    expect(decodes.count).toBe(2);
  });

  it("stops answering at the token's expiry, when next-auth decides again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const token = await mint("user-c", 60);
    await decodeSessionToken({ token, secret });
    vi.setSystemTime(Date.now() + 59_000);
    await decodeSessionToken({ token, secret });
    expect(decodes.count).toBe(1);
    // Past exp and next-auth's 15 s of clock tolerance: refused, not served from memory.
    vi.setSystemTime(Date.now() + 20_000);
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
    expect(decodes.count).toBe(2);
  });

  it("keeps at most 2,000 tokens, dropping the least recently used", async () => {
    const oldest = await mint("user-0");
    await decodeSessionToken({ token: oldest, secret });
    const kept = await mint("kept");
    await decodeSessionToken({ token: kept, secret });
    for (let i = 1; i <= 2_000; i++) {
      if (i % 500 === 0) await decodeSessionToken({ token: kept, secret }); // used again: stays
      await decodeSessionToken({ token: await mint(`user-${i}`), secret });
    }
    expect(keptSessionTokens()).toBe(2_000);
    decodes.count = 0;
    await decodeSessionToken({ token: kept, secret });
    expect(decodes.count).toBe(0);
    await decodeSessionToken({ token: oldest, secret });
    expect(decodes.count).toBe(1);
  });

  it("answers no token with null, as next-auth does", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
    expect(decodes.count).toBe(0);
  });
});
