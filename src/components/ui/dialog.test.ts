// Two dialogs mounted together (a table's pickup and cancel dialogs) must each be named by their
// own title: with one fixed id, the second dialog was announced with the first one's title.
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Dialog } from "./dialog";

type DialogProps = ComponentProps<typeof Dialog>;

function render(...dialogs: Pick<DialogProps, "title" | "description">[]): string {
  const dialog = (props: Pick<DialogProps, "title" | "description">) =>
    createElement(
      Dialog,
      // The children go in as the third argument, which the props type cannot see.
      { key: props.title, open: true, onClose: () => {}, closeLabel: "Close", ...props } as unknown as DialogProps,
      "body",
    );
  return renderToStaticMarkup(createElement("div", null, ...dialogs.map(dialog)));
}

/** Each `<tag …>` of the markup: its attributes, and the text right after the opening tag. */
function elements(html: string, tag: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([^<]*)`, "g"))].map(([, attributes, text]) => ({
    ...Object.fromEntries([...attributes.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value])),
    text,
  }));
}

describe("Dialog", () => {
  it("names each of two mounted dialogs by its own title", () => {
    const html = render({ title: "Schedule pickup" }, { title: "Cancel pickup" });
    const titles = elements(html, "h2");
    expect(titles.map((title) => title.text)).toEqual(["Schedule pickup", "Cancel pickup"]);
    expect(new Set(titles.map((title) => title.id)).size).toBe(2);
    expect(elements(html, "dialog").map((dialog) => dialog["aria-labelledby"])).toEqual(
      titles.map((title) => title.id),
    );
  });

  it("is described by its description, when it has one", () => {
    const html = render({ title: "Void label", description: "The carrier is told." }, { title: "Plain" });
    const [described, plain] = elements(html, "dialog");
    const [paragraph] = elements(html, "p");
    expect(paragraph.text).toBe("The carrier is told.");
    expect(paragraph.id).toEqual(expect.any(String));
    expect(described["aria-describedby"]).toBe(paragraph.id);
    expect(plain["aria-describedby"]).toBeUndefined();
  });
});
