// Runs before the app's main() (a --pre-js): the browser's side of the app's file hooks
// (web/platform_files.cpp).
//   pick:  a hidden <input type=file> with the screen's filter; what is picked is written to
//          /picked-files/<n>/<name> and queued; the app takes the queue on its next frame and
//          hands each file to AppState::receiveFile with its purpose.
//   save:  a download (a Blob and an <a download>).
//   print: the page in a new window whose print dialog opens; when pop-ups are blocked, a
//          hidden frame in this page prints it instead.
// window.inspectonce.downloads and .printed list what was saved and printed (for tests).
/* global Module, FS, HEAPU8 */
(function () {
  window.inspectonce = window.inspectonce || { ready: false };
  window.inspectonce.downloads = [];
  window.inspectonce.printed = [];

  var picked = [];
  var pickCount = 0;
  var purpose = '';
  var input = document.createElement('input');
  input.type = 'file';
  input.id = 'inspectonce-file';
  input.style.display = 'none';
  (document.body || document.documentElement).appendChild(input);
  input.addEventListener('change', function () {
    var files = Array.prototype.slice.call(input.files || []);
    var forPurpose = purpose;
    input.value = '';  // picking the same file again must fire again
    files.reduce(function (previous, file) {
      return previous.then(function () { return file.arrayBuffer(); }).then(function (buffer) {
        var dir = '/picked-files/' + (++pickCount);
        var path = dir + '/' + file.name.replace(/[\/\0]/g, '_');
        FS.mkdirTree(dir);
        FS.writeFile(path, new Uint8Array(buffer));
        picked.push({ purpose: forPurpose, path: path, name: file.name });
      }).catch(function (error) { console.error('inspectonce: ' + file.name + ': ' + error); });
    }, Promise.resolve());
  });
  Module['inspectoncePickFile'] = function (forPurpose, accept) {
    purpose = forPurpose;
    input.accept = accept;
    input.click();
  };
  Module['inspectonceTakePickedFiles'] = function () {
    if (!picked.length) return null;
    var taken = picked;
    picked = [];
    return JSON.stringify(taken);
  };

  Module['inspectonceSaveFile'] = function (name, mime, pointer, length) {
    var blob = new Blob([HEAPU8.slice(pointer, pointer + length)], { type: mime || 'application/octet-stream' });
    var url = URL.createObjectURL(blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    window.inspectonce.downloads.push({ name: name, mime: mime, size: length });
  };

  // Returns how the page was shown: 'window' or 'frame'.
  Module['inspectoncePrint'] = function (name, html) {
    var opened = null;
    try { opened = window.open('', '_blank'); } catch (error) { opened = null; }
    var how = 'window';
    if (opened && opened.document) {
      opened.document.open();
      opened.document.write(html);
      opened.document.close();
      try { opened.document.title = name; } catch (ignored) { /* the page's own title stays */ }
      opened.focus();
      opened.setTimeout(function () { opened.print(); }, 100);
    } else {
      how = 'frame';
      var frame = document.createElement('iframe');
      frame.style.position = 'fixed';
      frame.style.width = frame.style.height = '0';
      frame.style.border = '0';
      frame.srcdoc = html;
      frame.onload = function () {
        frame.contentWindow.focus();
        frame.contentWindow.print();
        setTimeout(function () { frame.remove(); }, 60000);
      };
      document.body.appendChild(frame);
    }
    window.inspectonce.printed.push({ name: name, how: how, size: html.length });
    return how;
  };
})();
