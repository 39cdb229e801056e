// Progressive enhancement: while invitations go out, the figures refresh by themselves every
// few seconds in a live region; without JavaScript the "Refresh" link does the same.
(function () {
  var region = document.getElementById('progress');
  if (!region || !window.fetch || !window.DOMParser) return;
  function poll() {
    if (region.getAttribute('data-done') === 'yes') return;
    fetch(window.location.pathname, { credentials: 'same-origin' })
      .then(function (answer) {
        return answer.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('progress');
        if (next) {
          region.innerHTML = next.innerHTML;
          region.setAttribute('data-done', next.getAttribute('data-done'));
        }
        setTimeout(poll, 3000);
      })
      .catch(function () {
        setTimeout(poll, 10000);
      });
  }
  setTimeout(poll, 3000);
})();
