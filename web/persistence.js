// Runs before the app's main() (a --pre-js after glue.js): keeps /data, where the workspace
// file lives, on IndexedDB, and lets the page talk to the workspace (web/persistence.hpp lists
// what window.inspectonce offers).
//
// /data is a memory folder (MEMFS). Each file in it is kept on IndexedDB in chunks of 256 KiB,
// and a copy writes only the chunks that changed since the last good copy: a demand logged in a
// county of 100 000 enterprises writes a few chunks, not its 80 MB file. A copy is one
// IndexedDB transaction, so it lands whole or not at all, and its writes are chained (each put
// issued when the one before it succeeds), so the page draws frames while a large copy goes on.
// Emscripten's IDBFS, used before, wrote the whole file (90 MB for 100 000 enterprises) as one
// value after every change: a file kept by it is read once and copied into the chunked store.
//
// Start: load /data from IndexedDB before main() runs (a run dependency holds main back), so
// the app opens the file that was saved. With no IndexedDB (private mode, storage disabled), or
// when loading fails or hangs, /data stays plain memory: the app works, and says that changes
// will not be kept.
// After each committed transaction (and each change of the workspace) the app calls
// inspectonceSyncStorage: one copy at a time, after the frame; calls during a copy ask for one
// more copy after it.
/* global Module, FS, MEMFS, addRunDependency, removeRunDependency */
(function () {
  var LOAD_TIMEOUT_MS = 15000;
  var DATABASE = 'inspectonce-data';  // stores: files (path → {size, chunks}), chunks ([path, i] → bytes)
  var LEGACY_DATABASE = '/data';      // IDBFS's database for the mount point /data
  var CHUNK = 256 * 1024;
  var DIR = '/data';
  // state: loading → persistent | unavailable; a failed copy: full (quota) or failed; a later
  // good copy: persistent again. version changes with every change (the app polls it).
  // loadMillis: how long loading /data from IndexedDB took before main() could run.
  var storage = { state: 'loading', reason: null, syncs: 0, syncing: false, queued: false, lastSync: null,
                  loadMillis: null, version: 0 };
  Module['inspectonceStorage'] = storage;
  window.inspectonce = window.inspectonce || { ready: false };
  window.inspectonce.storage = storage;

  var db = null;          // the open IndexedDB database
  var saved = {};         // path → the bytes of its last good copy (what IndexedDB holds)
  var stamps = {};        // path → the stamp of that copy (another tab's copy has another)
  var savedAt = {};       // path → {mtime, taken}: the file's write time then, and when it was read
  var legacyToDelete = false;

  function changed() { storage.version++; }
  function describe(error) {
    if (!error) return 'unknown error';
    return (error.name ? error.name + ': ' : '') + (error.message || String(error));
  }
  function isQuota(error) {
    return !!error && (error.name === 'QuotaExceededError' || /quota/i.test(String(error.message || error)));
  }

  // ---- What a copy writes ---------------------------------------------------------------

  // Regular files of /data (and in `modified` when each was last written), but not SQLite's
  // journals (a copy is never taken mid-transaction).
  function dataFiles(modified) {
    var files = {};
    FS.readdir(DIR).forEach(function (name) {
      if (name === '.' || name === '..' || /-(journal|wal|shm)$/.test(name)) return;
      var path = DIR + '/' + name;
      var info = FS.stat(path);
      if (!FS.isFile(info.mode)) return;
      files[path] = fileBytes(path);
      modified[path] = info.mtime.getTime();
    });
    return files;
  }
  // The file's bytes without copying them where MEMFS allows (read at once, in this task).
  function fileBytes(path) {
    var node = FS.lookupPath(path).node;
    if (typeof MEMFS !== 'undefined' && MEMFS.getFileDataAsTypedArray) return MEMFS.getFileDataAsTypedArray(node);
    return FS.readFile(path);
  }
  function sameChunk(a, b, from, to) {
    if (!b || b.length < to) return false;
    if (from % 4 === 0 && (to - from) % 4 === 0 && a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
      var x = new Int32Array(a.buffer, a.byteOffset + from, (to - from) / 4);
      var y = new Int32Array(b.buffer, b.byteOffset + from, (to - from) / 4);
      for (var i = 0; i < x.length; ++i) if (x[i] !== y[i]) return false;
      return true;
    }
    for (var j = from; j < to; ++j) if (a[j] !== b[j]) return false;
    return true;
  }
  // The chunks of each file that differ from its last good copy, read now (the app may change
  // the file while the copy goes on).
  function changedChunks(files, modified) {
    var changes = {};
    Object.keys(files).forEach(function (path) {
      var bytes = files[path], before = saved[path], list = [];
      if (unchanged(path, bytes, modified[path])) {
        changes[path] = list;
        return;
      }
      for (var i = 0, from = 0; from < bytes.length; ++i, from += CHUNK) {
        var to = Math.min(bytes.length, from + CHUNK);
        // Kept when IndexedDB holds this chunk with the same bytes and the same end.
        if (!(before && Math.min(before.length, from + CHUNK) === to && sameChunk(bytes, before, from, to))) list.push(i);
      }
      changes[path] = list;
    });
    return changes;
  }
  // Not written since the last good copy was taken (a millisecond clock: a write in the same
  // millisecond as that copy is compared chunk by chunk all the same).
  function unchanged(path, bytes, mtime) {
    var last = savedAt[path];
    return !!last && saved[path].length === bytes.length && mtime === last.mtime && mtime < last.taken;
  }
  function allChunks(bytes) {
    var list = [];
    for (var i = 0; i * CHUNK < bytes.length; ++i) list.push(i);
    return list;
  }
  // The writes that make IndexedDB hold `files` (copies taken at the same moment as
  // `changes`). `stored` is each file's record as IndexedDB holds it: when its stamp is not
  // the one of our last copy, another tab wrote the file since, so all of it is written.
  function plan(files, changes, stored, stamp) {
    var writes = [];
    Object.keys(files).forEach(function (path) {
      var bytes = files[path], record = stored[path];
      var ours = record && saved[path] && record.stamp === stamps[path];
      var chunks = Math.ceil(bytes.length / CHUNK);
      (ours ? changes[path] : allChunks(bytes)).forEach(function (i) {
        writes.push({ put: 'chunks', key: [path, i], value: bytes.slice(i * CHUNK, Math.min(bytes.length, (i + 1) * CHUNK)) });
      });
      if (record && record.chunks > chunks) writes.push({ remove: 'chunks', key: IDBKeyRange.bound([path, chunks], [path, record.chunks]) });
      writes.push({ put: 'files', key: path, value: { size: bytes.length, chunks: chunks, stamp: stamp } });
    });
    Object.keys(stored).forEach(function (path) {
      if (files[path]) return;
      writes.push({ remove: 'chunks', key: IDBKeyRange.bound([path, 0], [path, Infinity]) });
      writes.push({ remove: 'files', key: path });
    });
    return writes;
  }
  // The files as this copy writes them: what IndexedDB holds after it (an unchanged file is
  // its last good copy already).
  function snapshot(files, changes) {
    var taken = {};
    Object.keys(files).forEach(function (path) {
      var same = saved[path] && !changes[path].length && saved[path].length === files[path].length;
      taken[path] = same ? saved[path] : files[path].slice();
    });
    return taken;
  }

  // ---- One copy at a time, after the frame --------------------------------------------------

  var waiters = [];
  function settle() {
    if (storage.syncing || storage.queued) return;
    var ready = waiters;
    waiters = [];
    ready.forEach(function (resolve) { resolve(storage.lastSync); });
  }

  // A request only marks the copy as due: it runs once the current frame is over, so that all
  // commits of one change make one copy, and a file renamed into place after its last commit (a
  // replaced workspace) is copied as it ends up, not as it was mid-change.
  var scheduled = false;
  function sync() {
    if (storage.state === 'unavailable' || storage.state === 'loading') return;
    storage.queued = true;
    if (storage.syncing || scheduled) return;
    scheduled = true;
    changed();
    Promise.resolve().then(function () {
      scheduled = false;
      // A transaction is open (its journal is there): its commit asks again.
      if (FS.readdir(DIR).some(function (name) { return /-journal$/.test(name); })) {
        storage.queued = false;
        changed();
        settle();
        return;
      }
      storage.queued = false;
      copy();
    });
  }

  function copy() {
    storage.syncing = true;
    changed();
    var started = Date.now();
    var done = false;
    var files, changes, writes = [], taken = 0, modified = {};
    var stamp = Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
    var bytesWritten = 0;
    function finish(error) {
      if (done) return;
      done = true;
      storage.syncing = false;
      storage.syncs++;
      var size = 0;
      Object.keys(files || {}).forEach(function (path) { size += files[path].length; });
      // millis: the whole copy; prepareMillis: its part in one go (finding the changed chunks).
      storage.lastSync = { ok: !error, at: new Date().toISOString(), millis: Date.now() - started, prepareMillis: prepareMillis, size: size,
                           chunks: writes.filter(function (w) { return w.put === 'chunks'; }).length, bytes: bytesWritten };
      if (error) {
        storage.lastSync.error = describe(error);
        storage.state = isQuota(error) ? 'full' : 'failed';
        console.error('inspectonce: saving /data to IndexedDB failed: ' + describe(error));
      } else {
        saved = files;
        stamps = {};
        savedAt = {};
        Object.keys(files).forEach(function (path) {
          stamps[path] = stamp;
          savedAt[path] = { mtime: modified[path], taken: taken };
        });
        storage.state = 'persistent';
        if (legacyToDelete) {
          legacyToDelete = false;
          try { indexedDB.deleteDatabase(LEGACY_DATABASE); } catch (ignored) { /* only tidying */ }
        }
      }
      changed();
      if (storage.queued) sync();
      settle();
    }
    var transaction, prepareMillis = 0;
    try {
      taken = Date.now();
      var current = dataFiles(modified);
      changes = changedChunks(current, modified);
      files = snapshot(current, changes);
      prepareMillis = Date.now() - started;
      transaction = db.transaction(['files', 'chunks'], 'readwrite');
    } catch (error) {
      finish(error);
      return;
    }
    transaction.oncomplete = function () { finish(null); };
    transaction.onabort = function () {
      finish(transaction.error || { name: 'AbortError', message: 'the IndexedDB transaction was aborted' });
    };
    transaction.onerror = function (event) { if (event && event.preventDefault) event.preventDefault(); };
    // Each write is issued when the one before it has succeeded: the transaction stays open,
    // and the page gets its frames between them.
    var next = 0;
    function issue() {
      if (done || next >= writes.length) return;
      var w = writes[next++];
      var request;
      try {
        if (w.put) {
          request = transaction.objectStore(w.put).put(w.value, w.key);
          if (w.put === 'chunks') bytesWritten += w.value.byteLength;
        } else {
          request = transaction.objectStore(w.remove).delete(w.key);
        }
      } catch (error) {
        try { transaction.abort(); } catch (ignored) { /* already over */ }
        finish(error);
        return;
      }
      request.onsuccess = issue;
    }
    // First the files' records as stored (in this transaction, so no other tab writes between).
    var stored = {};
    try {
      transaction.objectStore('files').openCursor().onsuccess = function (event) {
        var cursor = event.target.result;
        if (cursor) {
          stored[cursor.key] = cursor.value;
          cursor.continue();
          return;
        }
        try {
          writes = plan(files, changes, stored, stamp);
        } catch (error) {
          try { transaction.abort(); } catch (ignored) { /* already over */ }
          finish(error);
          return;
        }
        issue();
      };
    } catch (error) {
      try { transaction.abort(); } catch (ignored) { /* already over */ }
      finish(error);
    }
  }
  Module['inspectonceSyncStorage'] = sync;
  window.inspectonce.whenSynced = function () {
    return new Promise(function (resolve) {
      waiters.push(resolve);
      settle();
    });
  };

  // Requests from the page, answered by the app on its next frame (web/persistence.cpp).
  var requests = [];
  var pending = {};
  var nextId = 1;
  function request(body) {
    return new Promise(function (resolve, reject) {
      body.id = nextId++;
      pending[body.id] = { resolve: resolve, reject: reject };
      requests.push(body);
    });
  }
  Module['inspectonceTakeRequests'] = function () {
    if (!requests.length) return null;
    var taken = requests;
    requests = [];
    return JSON.stringify(taken);
  };
  Module['inspectonceAnswerRequest'] = function (id, json) {
    var waiting = pending[id];
    delete pending[id];
    if (waiting) waiting.resolve(JSON.parse(json));
  };
  window.inspectonce.importCsv = function (text, options) {
    options = options || {};
    return request({ kind: 'import', text: String(text), table: options.table || 'enterprises',
                     name: options.name || 'import.csv' });
  };
  window.inspectonce.workspaceStatus = function () { return request({ kind: 'status' }); };
  window.inspectonce.findEnterprise = function (uscc) { return request({ kind: 'enterprise', uscc: String(uscc) }); };

  function useMemory(reason) {
    storage.state = 'unavailable';
    storage.reason = reason;
    changed();
    console.warn('inspectonce: browser storage unavailable (' + reason + '): changes will not be kept');
  }

  // ---- Loading /data before main() ------------------------------------------------------------

  // Every file of the chunked store, into /data and into `saved`.
  function loadFiles(done) {
    var transaction = db.transaction(['files', 'chunks'], 'readonly');
    var loaded = {}, expected = {}, found = {};
    transaction.objectStore('files').openCursor().onsuccess = function (event) {
      var cursor = event.target.result;
      if (!cursor) return;
      loaded[cursor.key] = new Uint8Array(cursor.value.size);
      expected[cursor.key] = cursor.value.chunks;
      stamps[cursor.key] = cursor.value.stamp;
      found[cursor.key] = 0;
      cursor.continue();
    };
    // Chunks come in key order, after their files (the files' cursor was opened first).
    transaction.objectStore('chunks').openCursor().onsuccess = function (event) {
      var cursor = event.target.result;
      if (!cursor) return;
      var path = cursor.key[0], at = cursor.key[1] * CHUNK, bytes = new Uint8Array(cursor.value);
      if (loaded[path] && at + bytes.length <= loaded[path].length) {
        loaded[path].set(bytes, at);
        found[path]++;
      }
      cursor.continue();
    };
    transaction.oncomplete = function () {
      var paths = Object.keys(loaded);
      for (var i = 0; i < paths.length; ++i)
        if (found[paths[i]] !== expected[paths[i]])
          return done({ name: 'DataError', message: paths[i] + ': IndexedDB holds ' + found[paths[i]] + ' of its ' + expected[paths[i]] + ' chunks' });
      paths.forEach(function (path) {
        FS.writeFile(path, loaded[path]);
        saved[path] = loaded[path];
      });
      done(null, paths.length);
    };
    transaction.onabort = function () { done(transaction.error || { name: 'AbortError', message: 'loading was aborted' }); };
  }

  // A workspace kept by IDBFS (before the chunked store): its files, copied at the first sync.
  // Opening a database that is not there would create it: the upgrade is aborted instead.
  function loadLegacy(done) {
    var request;
    try { request = indexedDB.open(LEGACY_DATABASE); } catch (error) { done(); return; }
    request.onupgradeneeded = function () { request.transaction.abort(); };
    request.onerror = function (event) { if (event && event.preventDefault) event.preventDefault(); done(); };
    request.onsuccess = function () {
      var legacy = request.result;
      if (!legacy.objectStoreNames.contains('FILE_DATA')) { legacy.close(); done(); return; }
      var transaction = legacy.transaction(['FILE_DATA'], 'readonly');
      var found = 0;
      transaction.objectStore('FILE_DATA').openCursor().onsuccess = function (event) {
        var cursor = event.target.result;
        if (!cursor) return;
        var path = String(cursor.key), entry = cursor.value;
        if (path.indexOf(DIR + '/') === 0 && entry && entry.contents && FS.isFile(entry.mode)) {
          FS.writeFile(path, new Uint8Array(entry.contents));
          found++;
        }
        cursor.continue();
      };
      transaction.oncomplete = function () {
        legacy.close();
        if (found) {
          legacyToDelete = true;
          console.info('inspectonce: the workspace kept by an earlier version was read; it is copied to the new store');
        }
        done();
      };
      transaction.onabort = function () { legacy.close(); done(); };
    };
  }

  Module['preRun'] = Module['preRun'] || [];
  Module['preRun'].push(function () {
    FS.mkdirTree(DIR);
    var idb = null;
    try { idb = window.indexedDB; } catch (error) { idb = null; }
    if (!idb) {
      useMemory('no IndexedDB in this browser');
      return;
    }
    addRunDependency('inspectonce-storage');
    var loadStarted = Date.now();
    var finished = false;
    function finish(error) {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      storage.loadMillis = Date.now() - loadStarted;
      if (error) {
        // Start from an empty memory folder: nothing half-loaded, nothing synced later.
        FS.readdir(DIR).forEach(function (name) {
          if (name !== '.' && name !== '..') try { FS.unlink(DIR + '/' + name); } catch (ignored) { /* not a file */ }
        });
        saved = {};
        if (db) try { db.close(); } catch (ignored) { /* closing is best effort */ }
        db = null;
        useMemory(describe(error));
      } else {
        storage.state = 'persistent';
        changed();
      }
      removeRunDependency('inspectonce-storage');
    }
    // The last resort if IndexedDB never answers.
    var timer = setTimeout(function () {
      finish({ name: 'TimeoutError', message: 'IndexedDB did not answer within ' + LOAD_TIMEOUT_MS / 1000 + ' s' });
    }, LOAD_TIMEOUT_MS);
    var request;
    try {
      request = idb.open(DATABASE, 1);
    } catch (error) {
      finish(error);
      return;
    }
    request.onupgradeneeded = function () {
      var created = request.result;
      created.createObjectStore('files');
      created.createObjectStore('chunks');
    };
    request.onerror = function (event) {
      if (event && event.preventDefault) event.preventDefault();
      finish(request.error || { name: 'Error', message: 'IndexedDB could not be opened' });
    };
    request.onblocked = function () { /* another tab holds an older version open: opening still succeeds */ };
    request.onsuccess = function () {
      if (finished) return;
      db = request.result;
      try {
        loadFiles(function (error, count) {
          if (error || count) { finish(error); return; }
          loadLegacy(function () { finish(null); });
        });
      } catch (error) {
        finish(error);
      }
    };
  });
})();
