// Small DOM helpers. Text is always inserted as text nodes, never as HTML, so nothing that comes
// from the API can inject markup.

/**
 * Creates an element. `attrs` may hold `class`, `text`, `on` (event handlers), `dataset`,
 * `style` (an object) and any other attribute (false, null and undefined ones are left out).
 */
export function h(tag, attrs, ...children) {
  const el = tag.includes(':')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.split(':')[1])
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** An SVG element (`svg('rect', {...})`). */
export function svg(tag, attrs, ...children) {
  return h(`svg:${tag}`, attrs, ...children);
}

/** Appends strings, nodes and (nested) arrays of them; skips null, undefined and false. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Removes every child of `el`. */
export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Calls `fn` once input has paused for `ms` milliseconds. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

let uid = 0;
/** A document-unique id for labels and ARIA references. */
export function uniqueId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}
