// Runs before the app's main() (a --pre-js): typing with the system's input method (拼音,
// 五笔 …). Dear ImGui under Emscripten sees key events only, never an IME's composition, so
// while an ImGui text field is being edited a real <input> is put over its caret and
// focused (web/text_input.cpp says when and where): the browser's IME composes in it (the
// composition is shown there, over the field) and the committed text is queued for ImGui,
// which takes it on its next frame; then the <input> is emptied again.
//
// Clipboard: ImGui's copy writes the system clipboard; a paste arrives as the <input>'s paste
// event and is typed like a commit.
//
// Keys: while composing, every key belongs to the IME and stops at the <input>. Otherwise
// keys go on to SDL as before: its keydown gives ImGui Backspace, Enter, arrows, Tab, Escape
// and shortcuts, and its keypress gives ImGui the typed character and prevents the browser
// from also putting it into the <input>, so a Latin letter arrives once. Text that comes
// without a keypress (an IME commit, a virtual keyboard, an emoji picker) arrives through
// the <input>'s own events.
/* global Module */
(function () {
  window.inspectonce = window.inspectonce || { ready: false };
  var state = { editing: false, focused: false, composing: false, delivered: [], x: 0, y: 0 };
  window.inspectonce.textInput = state;

  var field = document.createElement('input');
  field.type = 'text';
  field.id = 'inspectonce-text-input';
  field.autocomplete = 'off';
  field.spellcheck = false;
  field.setAttribute('autocapitalize', 'off');
  field.setAttribute('aria-label', 'text input');
  var style = field.style;
  style.position = 'fixed';
  style.left = '0px';
  style.top = '-100px';
  style.width = '2em';
  style.margin = '0';
  style.padding = '0 2px';
  style.border = '1px solid #4a7fc1';
  style.background = '#ffffff';
  style.color = '#000000';
  style.outline = 'none';
  style.zIndex = '10';
  style.pointerEvents = 'none';  // clicks go to the canvas, i.e. to ImGui
  style.opacity = '0';           // shown only while the IME composes
  (document.body || document.documentElement).appendChild(field);

  var committed = [];
  function deliver() {
    if (!field.value) return;
    committed.push(field.value);
    state.delivered.push(field.value);
    field.value = '';
  }
  function showComposition(on) {
    state.composing = on;
    style.opacity = on ? '1' : '0';
  }
  field.addEventListener('compositionstart', function () { showComposition(true); });
  field.addEventListener('compositionend', function () {
    showComposition(false);
    deliver();
  });
  field.addEventListener('input', function (event) {
    if (event.isComposing || state.composing) {
      style.width = Math.max(2, field.value.length + 1) + 'em';  // as wide as the composition
      return;
    }
    deliver();
  });
  // The paste shortcut stops here too: SDL would take it for ImGui (whose clipboard is empty)
  // and prevent the browser's paste, the only way to the system clipboard's text.
  function isPaste(event) {
    var key = (event.key || '').toLowerCase();
    return ((event.ctrlKey || event.metaKey) && !event.altKey && key === 'v') || (event.shiftKey && key === 'insert');
  }
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    field.addEventListener(type, function (event) {
      if (state.composing || event.isComposing || event.keyCode === 229 || isPaste(event)) event.stopPropagation();
    });
  });
  // Paste (Ctrl+V, the context menu): the system clipboard's text is typed into the field like
  // a commit. ImGui's own paste reads an empty clipboard (text_input.cpp), so it comes once.
  field.addEventListener('paste', function (event) {
    if (state.composing) return;
    event.preventDefault();
    var text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    if (!text) return;
    committed.push(text);
    state.delivered.push(text);
  });
  field.addEventListener('blur', function () {
    state.focused = false;
    // Leaving the field (a click elsewhere) ends a composition: what it was is dropped.
    showComposition(false);
    field.value = '';
  });
  field.addEventListener('focus', function () { state.focused = true; });

  // Called by the app after each frame: the field being edited and its caret in canvas
  // pixels (x, y: the caret's top; height: the font size), or editing = 0.
  Module['inspectonceFollowTextField'] = function (editing, x, y, height) {
    state.editing = !!editing;
    if (!editing) {
      if (document.activeElement === field) field.blur();
      style.top = '-100px';
      return;
    }
    var canvas = Module['canvas'];
    var box = canvas.getBoundingClientRect();
    var scale = canvas.clientWidth && canvas.width ? box.width / canvas.clientWidth : 1;
    var left = box.left + x * scale, top = box.top + y * scale;
    state.x = Math.round(left);
    state.y = Math.round(top);
    style.left = left + 'px';
    style.top = (top - 2) + 'px';
    style.height = (height * scale + 4) + 'px';
    style.fontSize = (height * scale) + 'px';
    style.maxWidth = Math.max(40, box.right - left - 4) + 'px';
    if (document.activeElement !== field) field.focus({ preventScroll: true });
  };
  // ImGui's copy and cut (Ctrl+C, Ctrl+X) go to the system clipboard (best effort: the
  // browser may refuse outside a user gesture); the last text copied is kept for tests.
  Module['inspectonceCopyText'] = function (text) {
    state.copied = text;
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
    } catch (ignored) { /* no clipboard in this page */ }
  };
  Module['inspectonceTakeTypedText'] = function () {
    if (!committed.length) return null;
    var text = committed.join('');
    committed = [];
    return text;
  };
})();
