// Runs before the app's main() (a --pre-js after glue.js): keeps /data, where the workspace
// file lives, on IndexedDB through Emscripten's IDBFS, and lets the page talk to the
// workspace (web/persistence.hpp lists what window.inspectonce offers).
//
// Start: mount IDBFS at /data and load it from IndexedDB (FS.syncfs(true)) before main()
// runs (a run dependency holds main back), so the app opens the file that was saved. With no
// IndexedDB (private mode, storage disabled) or when loading fails or hangs, /data is plain
// memory (MEMFS): the app works, and says that changes will not be kept.
// After each committed transaction (and each change of the workspace) the app calls
// inspectonceSyncStorage: one FS.syncfs(false) at a time, after the frame; calls during a
// copy ask for one more copy after it.
/* global Module, FS, IDBFS, addRunDependency, removeRunDependency */
(function () {
  var LOAD_TIMEOUT_MS = 15000;
  // state: loading → persistent | unavailable; a failed copy: full (quota) or failed; a later
  // good copy: persistent again. version changes with every change (the app polls it).
  // loadMillis: how long loading /data from IndexedDB took before main() could run.
  var storage = { state: 'loading', reason: null, syncs: 0, syncing: false, queued: false, lastSync: null,
                  loadMillis: null, version: 0 };
  Module['inspectonceStorage'] = storage;
  window.inspectonce = window.inspectonce || { ready: false };
  window.inspectonce.storage = storage;

  function changed() { storage.version++; }
  function describe(error) {
    if (!error) return 'unknown error';
    return (error.name ? error.name + ': ' : '') + (error.message || String(error));
  }
  function isQuota(error) {
    return !!error && (error.name === 'QuotaExceededError' || /quota/i.test(String(error.message || error)));
  }

  // IDBFS of this Emscripten passes `this.error` (undefined) for failed requests and never
  // calls back when a transaction aborts (how quota errors arrive): watch the transactions of
  // its database ourselves, so a failed copy is reported instead of hanging.
  var currentSync = null;
  function watchDatabase() {
    var fs = IDBFS;
    Object.keys(fs.dbs || {}).forEach(function (name) {
      var db = fs.dbs[name];
      if (!db || db.inspectonceWatched) return;
      db.inspectonceWatched = true;
      var open = db.transaction.bind(db);
      db.transaction = function (stores, mode) {
        var transaction = open(stores, mode);
        var sync = currentSync;
        if (sync && mode === 'readwrite') {
          transaction.addEventListener('abort', function () {
            sync.finish(transaction.error || { name: 'AbortError', message: 'the IndexedDB transaction was aborted' });
          });
          transaction.addEventListener('error', function (event) {
            sync.finish((event.target && event.target.error) || transaction.error || { name: 'Error', message: 'IndexedDB error' });
          });
        }
        return transaction;
      };
    });
  }

  var waiters = [];
  function settle() {
    if (storage.syncing || storage.queued) return;
    var ready = waiters;
    waiters = [];
    ready.forEach(function (resolve) { resolve(storage.lastSync); });
  }

  // A request only marks the copy as due: it runs once the current frame is over, so that
  // all commits of one change make one copy, and a file renamed into place after its last
  // commit (a replaced workspace) is copied as it ends up, not as it was mid-change.
  var scheduled = false;
  function sync() {
    if (storage.state === 'unavailable' || storage.state === 'loading') return;
    storage.queued = true;
    if (storage.syncing || scheduled) return;
    scheduled = true;
    changed();
    Promise.resolve().then(function () {
      scheduled = false;
      storage.queued = false;
      copy();
    });
  }
  function copy() {
    storage.syncing = true;
    changed();
    var done = false;
    var started = Date.now();
    var me = {
      finish: function (error) {
        if (done) return;
        done = true;
        if (currentSync === me) currentSync = null;
        storage.syncing = false;
        storage.syncs++;
        storage.lastSync = { ok: !error, at: new Date().toISOString(), millis: Date.now() - started };
        if (error) {
          storage.lastSync.error = describe(error);
          storage.state = isQuota(error) ? 'full' : 'failed';
          console.error('inspectonce: saving /data to IndexedDB failed: ' + describe(error));
        } else {
          storage.state = 'persistent';
        }
        changed();
        if (storage.queued) sync();
        settle();
      }
    };
    currentSync = me;
    try {
      FS.syncfs(false, function (error) { me.finish(error); });
      watchDatabase();
    } catch (error) {
      me.finish(error);
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

  Module['preRun'] = Module['preRun'] || [];
  Module['preRun'].push(function () {
    FS.mkdirTree('/data');
    var idb = null;
    try { idb = window.indexedDB; } catch (error) { idb = null; }
    if (!idb) {
      useMemory('no IndexedDB in this browser');
      return;
    }
    addRunDependency('inspectonce-storage');
    var loadStarted = Date.now();
    // Probe first: this IDBFS hangs when IndexedDB refuses to open (e.g. private mode), so
    // ask IndexedDB ourselves and fall back at once with its own reason.
    var probe;
    try {
      probe = idb.open('inspectonce-probe');
    } catch (error) {
      finish(error);
      return;
    }
    probe.onerror = function (event) {
      if (event && event.preventDefault) event.preventDefault();
      finish(probe.error || { name: 'Error', message: 'IndexedDB could not be opened' });
    };
    probe.onblocked = function () { /* another tab holds it open: opening still succeeds */ };
    probe.onsuccess = function () {
      try { probe.result.close(); } catch (ignored) { /* closing is best effort */ }
      load();
    };
    var finished = false;
    function finish(error) {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      storage.loadMillis = Date.now() - loadStarted;
      if (error) {
        // Start from an empty memory folder: nothing half-loaded, nothing synced later.
        try { FS.unmount('/data'); } catch (ignored) { /* not mounted */ }
        try { FS.mount(FS.filesystems.MEMFS, {}, '/data'); } catch (ignored) { /* keep what is there */ }
        useMemory(describe(error));
      } else {
        watchDatabase();
        storage.state = 'persistent';
        changed();
      }
      removeRunDependency('inspectonce-storage');
    }
    // The last resort if IndexedDB never answers.
    var timer = setTimeout(function () {
      finish({ name: 'TimeoutError', message: 'IndexedDB did not answer within ' + LOAD_TIMEOUT_MS / 1000 + ' s' });
    }, LOAD_TIMEOUT_MS);
    function load() {
      if (finished) return;
      try {
        FS.mount(IDBFS, {}, '/data');
        FS.syncfs(true, function (error) {
          // This IDBFS reports a failed open as success with no database: check it is there.
          if (!error && !Object.keys(IDBFS.dbs || {}).length) error = { name: 'Error', message: 'IndexedDB could not be opened' };
          finish(error);
        });
      } catch (error) {
        finish(error);
      }
    }
  });
})();
