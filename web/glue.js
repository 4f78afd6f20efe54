// Runs before the app's main(): turns the page URL into arguments, then fetches every
// county plugin listed in plugins/index.json into the virtual file system, so that the C++
// PluginHost checks and loads it with a plain dlopen, exactly as natively and under Node.
// Later, a .wasm file the user picks goes the same way (see "picked" below).
/* global Module, FS, addRunDependency, removeRunDependency */
(function () {
  var params = new URLSearchParams(window.location.search);
  var args = [];
  ['county', 'month', 'lang', 'screen', 'today'].forEach(function (key) {
    if (params.get(key)) args.push('--' + key, params.get(key));
  });
  Module['arguments'] = args;
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
        FS.writeFile('/plugins/' + name, new Uint8Array(buffer));
      })
      .catch(function (error) { fail(name, error.message || error); });
  }

  // A plugin file the user picks replaces its county's plugin without rebuilding the app.
  // The file is written to /picked/<n>/<its name>: a fresh path each time, because the
  // dynamic loader caches modules by path. It is queued, not compiled here: the app takes
  // the queue each frame (main_web.cpp) and the host checks its imports and exports before
  // the dynamic loader compiles and instantiates it, as for the served plugins.
  var picked = [];
  var pickCount = 0;
  var input = document.createElement('input');
  input.type = 'file';
  input.accept = '.wasm';
  input.id = 'inspectonce-plugin-file';
  input.style.display = 'none';
  (document.body || document.documentElement).appendChild(input);
  input.addEventListener('change', function () {
    var files = Array.prototype.slice.call(input.files || []);
    input.value = '';  // picking the same file again must fire again
    files.reduce(function (previous, file) {
      return previous.then(function () { return file.arrayBuffer(); }).then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        var dir = '/picked/' + (++pickCount);
        var path = dir + '/' + file.name.replace(/[\/\0]/g, '_');
        FS.mkdirTree(dir);
        FS.writeFile(path, bytes);
        picked.push({ path: path, name: file.name });
      }).catch(function (error) { console.error('inspectonce: ' + file.name + ': ' + error); });
    }, Promise.resolve());
  });
  Module['inspectoncePickPluginFile'] = function () { input.click(); };
  Module['inspectonceTakePickedPlugins'] = function () {
    var taken = picked;
    picked = [];
    return JSON.stringify(taken);
  };

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
