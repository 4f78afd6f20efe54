// Runs before the app's main(): turns the page URL into arguments, then fetches every
// county plugin listed in plugins/index.json, writes it into the virtual file system and
// compiles it asynchronously (browsers refuse to compile large modules synchronously), so
// that the C++ PluginHost loads it with a plain dlopen, exactly as it does natively.
/* global Module, FS, addRunDependency, removeRunDependency */
(function () {
  var params = new URLSearchParams(window.location.search);
  var args = [];
  ['county', 'month', 'lang'].forEach(function (key) {
    if (params.get(key)) args.push('--' + key, params.get(key));
  });
  Module['arguments'] = args;
  Module['preloadedWasm'] = Module['preloadedWasm'] || {};
  window.inspectonce = { ready: false, fetchErrors: [] };

  function fail(name, error) {
    var message = 'plugins/' + name + ': ' + error;
    window.inspectonce.fetchErrors.push(message);
    console.error('inspectonce: ' + message);
  }

  function fetchPlugin(name) {
    return fetch('plugins/' + name)
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.arrayBuffer();
      })
      .then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        var path = '/plugins/' + name;
        FS.writeFile(path, bytes);
        return WebAssembly.compile(bytes).then(function (module) {
          Module['preloadedWasm'][path] = module;
        });
      })
      .catch(function (error) { fail(name, error.message || error); });
  }

  Module['preRun'] = Module['preRun'] || [];
  Module['preRun'].push(function () {
    addRunDependency('inspectonce-plugins');
    FS.mkdirTree('/plugins');
    fetch('plugins/index.json')
      .then(function (response) { return response.json(); })
      .then(function (names) { return Promise.all(names.map(fetchPlugin)); })
      .catch(function (error) { fail('index.json', error.message || error); })
      .finally(function () { removeRunDependency('inspectonce-plugins'); });
  });
})();
