// Building the page. Text (the visitor's, a colleague's, the relay's) only ever goes in through
// textContent or an attribute value: never parsed as HTML, never a URL the page opens unless
// it is http(s).

/** el("div", {class: "x", "data-testid": "y", onclick: fn}, child, "text", ...) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "text") {
      node.textContent = String(value);
    } else if (name === "class") {
      node.className = value;
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(node, ...children);
  return node;
}

export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** A link to a visitor's page only when it is http(s); otherwise the text alone. */
export function safeLink(url, text, attrs = {}) {
  let ok = false;
  try {
    ok = ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) return el("span", { ...attrs, text });
  return el("a", { ...attrs, href: url, target: "_blank", rel: "noopener noreferrer", text });
}

export function byId(id) {
  return document.getElementById(id);
}
