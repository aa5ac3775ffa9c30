// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    if (!target || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(target.innerText).then(function () {
        var label = button.textContent;
        button.textContent = button.getAttribute('data-copied') || button.textContent;
        setTimeout(function () { button.textContent = label; }, 1500);
      });
    });
  });
  // the fleet page while a scan runs: reload to show its progress (without script: reload by hand)
  var scanning = document.querySelector('[data-reload-while-scanning]');
  if (scanning) {
    setTimeout(function () { window.location.reload(); }, parseInt(scanning.getAttribute('data-reload-while-scanning'), 10) || 2000);
  }
});
