/*
 * GridLoop: the DOM helpers its Tasklist and Cockpit plugins share (both import this one module,
 * '../../gridloop-dom.js' from their scripts/). Plugins build their pages from elements and text
 * nodes only: nothing a server or a user wrote is ever parsed as HTML.
 */

/** A DOM element: tag, attributes (class, id, data-*, href…), children (strings and numbers become text). */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat().forEach(child => {
    if (child !== null && child !== undefined) {
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
  });
  return node;
}

/** Adds a plugin's style sheet to the page once (by its element id). */
export function addStyle(id, css) {
  if (!document.getElementById(id)) {
    const style = document.createElement('style');
    style.id = id;
    style.textContent = css;
    document.head.appendChild(style);
  }
}
