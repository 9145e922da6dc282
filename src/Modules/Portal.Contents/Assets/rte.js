// The back office's rich-text editor: turns each server-rendered [data-rte] block into a Tiptap editor bound to its
// textarea. Every word shown (button names, dialog labels, messages) is in the markup, in the editor's language; without
// JavaScript the textarea stays as it is. The server sanitizes whatever is sent, as for the plain textarea.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';

const SAFE_LINK = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;

function setup(root) {
  const textarea = document.getElementById(root.dataset.textarea);
  if (!textarea || root.dataset.rteReady) return;
  root.dataset.rteReady = 'true';
  const toolbar = root.querySelector('[role="toolbar"]');
  const buttons = Array.from(toolbar.querySelectorAll('button'));
  const area = root.querySelector('[data-rte-area]');
  const linkDialog = root.querySelector('[data-rte-link-dialog]');
  const imageDialog = root.querySelector('[data-rte-image-dialog]');

  const attributes = { role: 'textbox', 'aria-multiline': 'true', 'aria-label': root.dataset.label, class: 'rte-area', spellcheck: 'true' };
  const describedBy = [textarea.getAttribute('aria-describedby'), root.dataset.keys].filter(Boolean).join(' ');
  if (describedBy) attributes['aria-describedby'] = describedBy;
  if (textarea.getAttribute('aria-invalid')) attributes['aria-invalid'] = textarea.getAttribute('aria-invalid');
  if (textarea.lang) attributes.lang = textarea.lang;

  const editor = new Editor({
    element: area,
    content: textarea.value,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        codeBlock: false,
        code: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: { openOnClick: false, autolink: true, linkOnPaste: true, HTMLAttributes: { rel: null, target: null }, isAllowedUri: (url) => SAFE_LINK.test(url) },
      }),
      Image.configure({ inline: false, allowBase64: false }),
    ],
    injectCSS: false,
    editorProps: {
      attributes,
      handleKeyDown(_view, event) {
        if (event.altKey && event.key === 'F10') { event.preventDefault(); focusToolbar(); return true; }
        if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k') { event.preventDefault(); openLink(); return true; }
        return false;
      },
    },
    onUpdate: () => sync(),
    onSelectionUpdate: () => refresh(),
    onTransaction: () => refresh(),
  });

  function sync() { textarea.value = editor.isEmpty ? '' : editor.getHTML(); }

  const actions = {
    h2: { run: (c) => c.toggleHeading({ level: 2 }), active: () => editor.isActive('heading', { level: 2 }) },
    h3: { run: (c) => c.toggleHeading({ level: 3 }), active: () => editor.isActive('heading', { level: 3 }) },
    bold: { run: (c) => c.toggleBold(), active: () => editor.isActive('bold') },
    italic: { run: (c) => c.toggleItalic(), active: () => editor.isActive('italic') },
    bulletList: { run: (c) => c.toggleBulletList(), active: () => editor.isActive('bulletList') },
    orderedList: { run: (c) => c.toggleOrderedList(), active: () => editor.isActive('orderedList') },
    blockquote: { run: (c) => c.toggleBlockquote(), active: () => editor.isActive('blockquote') },
    link: { open: () => openLink(), active: () => editor.isActive('link') },
    image: { open: () => openImage() },
    undo: { run: (c) => c.undo(), enabled: () => editor.can().undo() },
    redo: { run: (c) => c.redo(), enabled: () => editor.can().redo() },
  };

  function refresh() {
    for (const button of buttons) {
      const action = actions[button.dataset.action];
      if (!action) continue;
      if (action.active) button.setAttribute('aria-pressed', action.active() ? 'true' : 'false');
      if (action.enabled) button.setAttribute('aria-disabled', action.enabled() ? 'false' : 'true');
    }
  }

  // A toolbar is one tab stop; the arrow keys, Home and End move within it (roving tabindex).
  let current = 0;
  function rove(index, focus) {
    current = (index + buttons.length) % buttons.length;
    buttons.forEach((b, i) => { b.tabIndex = i === current ? 0 : -1; });
    if (focus) buttons[current].focus();
  }
  function focusToolbar() { rove(current, true); }
  rove(0, false);
  toolbar.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(document.activeElement);
    if (index < 0) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') { event.preventDefault(); rove(index + 1, true); }
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') { event.preventDefault(); rove(index - 1, true); }
    else if (event.key === 'Home') { event.preventDefault(); rove(0, true); }
    else if (event.key === 'End') { event.preventDefault(); rove(buttons.length - 1, true); }
    else if (event.key === 'Escape') { event.preventDefault(); editor.commands.focus(); }
  });
  toolbar.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    rove(buttons.indexOf(button), false);
    const action = actions[button.dataset.action];
    if (!action || button.getAttribute('aria-disabled') === 'true') return;
    if (action.open) action.open();
    else action.run(editor.chain().focus()).run();
  });

  // The link dialog: an address (http, https, mailto, tel or a path of this site), or none to remove the link.
  function openLink() {
    const input = linkDialog.querySelector('input');
    const error = linkDialog.querySelector('[data-rte-error]');
    input.value = editor.getAttributes('link').href || '';
    showError(input, error, false);
    linkDialog.showModal();
    input.focus();
  }
  function applyLink() {
    const input = linkDialog.querySelector('input');
    const error = linkDialog.querySelector('[data-rte-error]');
    const href = input.value.trim();
    if (href === '') { removeLink(); return; }
    if (!SAFE_LINK.test(href)) { showError(input, error, true); input.focus(); return; }
    linkDialog.close();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    else chain.setLink({ href }).run();
  }
  function removeLink() {
    linkDialog.close();
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
  }
  linkDialog.querySelector('[data-rte-apply]').addEventListener('click', applyLink);
  linkDialog.querySelector('[data-rte-remove]').addEventListener('click', removeLink);

  // The image dialog: an image of the media library, and its alternative text in the language of the content.
  function openImage() {
    const select = imageDialog.querySelector('select');
    const alt = imageDialog.querySelector('[data-rte-alt]');
    if (alt) showError(alt, imageDialog.querySelector('[data-rte-error]'), false);
    if (select) { choose(select); }
    imageDialog.showModal();
    (select || imageDialog.querySelector('a, button')).focus();
  }
  function choose(select) {
    const option = select.selectedOptions[0];
    const preview = imageDialog.querySelector('[data-rte-preview]');
    const alt = imageDialog.querySelector('[data-rte-alt]');
    if (!option) return;
    preview.src = option.dataset.preview;
    preview.hidden = false;
    alt.value = option.dataset.alt || '';
  }
  function insertImage() {
    const select = imageDialog.querySelector('select');
    const alt = imageDialog.querySelector('[data-rte-alt]');
    const error = imageDialog.querySelector('[data-rte-error]');
    const option = select.selectedOptions[0];
    if (!option) { select.focus(); return; }
    if (alt.value.trim() === '') { showError(alt, error, true); alt.focus(); return; }
    imageDialog.close();
    editor.chain().focus().setImage({ src: option.dataset.src, alt: alt.value.trim() }).run();
  }
  const select = imageDialog.querySelector('select');
  if (select) {
    select.addEventListener('change', () => choose(select));
    imageDialog.querySelector('[data-rte-insert]').addEventListener('click', insertImage);
    imageDialog.querySelector('[data-rte-alt]').addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); insertImage(); } });
  }

  for (const dialog of [linkDialog, imageDialog]) {
    dialog.querySelectorAll('[data-rte-cancel]').forEach((b) => b.addEventListener('click', () => { dialog.close(); editor.commands.focus(); }));
    dialog.addEventListener('cancel', () => setTimeout(() => editor.commands.focus()));
    // Enter in a dialog's field must not send the page's form.
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.matches('input')) { event.preventDefault(); if (dialog === linkDialog) applyLink(); }
    });
  }

  function showError(input, error, shown) {
    error.hidden = !shown;
    if (shown) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
  }

  // The error summary's link to the field leads into the editor.
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href="#' + textarea.id + '"]');
    if (link) { event.preventDefault(); editor.commands.focus(); }
  });

  textarea.hidden = true;
  root.hidden = false;
  textarea.form?.addEventListener('submit', sync);
  refresh();
}

function start() { document.querySelectorAll('[data-rte]').forEach(setup); }
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
