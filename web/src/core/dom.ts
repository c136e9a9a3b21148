/** What may stand as a child: nodes, text, nothing, or lists of them. */
export type Child = Node | string | number | null | undefined | false | Child[];

type AttrValue = string | number | boolean | null | undefined;
/** Attributes, and `on<event>` listeners. */
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

const append = (parent: Node, child: Child): void => {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const item of child) append(parent, item);
    return;
  }
  parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
};

const setAttr = (element: HTMLElement, name: string, value: Attrs[string]): void => {
  if (typeof value === 'function') {
    element.addEventListener(name.slice(2).toLowerCase(), value);
  } else if (value === true) {
    element.setAttribute(name, '');
  } else if (value !== false && value !== null && value !== undefined) {
    element.setAttribute(name, String(value));
  }
};

/** Builds an element: `h('a', { href: '#/x' }, 'text')`. Text is always text, never HTML. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) setAttr(element, name, value);
  append(element, children);
  return element;
};

/** Replaces what `parent` holds. */
export const replace = (parent: Element, ...children: Child[]): void => {
  parent.replaceChildren();
  append(parent, children);
};

let counter = 0;
/** A fresh id for pairing a label (or a message) with its input. */
export const uid = (prefix: string): string => `${prefix}-${++counter}`;
