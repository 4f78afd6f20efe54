// Runs before the app's main(): turns the page URL into arguments, then fetches every
// county plugin listed in plugins/index.json into the virtual file system, so that the C++
// PluginHost checks and loads it with a plain dlopen, exactly as natively and under Node.
/* global Module, FS, addRunDependency, removeRunDependency */
(function () {
  var params = new URLSearchParams(window.location.search);
  var args = [];
  ['county', 'month', 'lang'].forEach(function (key) {
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
