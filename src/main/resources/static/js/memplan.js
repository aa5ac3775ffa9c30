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
});
