// Print and share an entry or a search (no third-party service): "Print" and "Copy the link" need JavaScript and
// appear with it; without it the browser's own print and the e-mail link still work.
(function () {
    'use strict';
    Array.prototype.forEach.call(document.querySelectorAll('[data-page-tools]'), function (tools) {
        var status = tools.querySelector('[data-share-status]');
        var print = tools.querySelector('[data-print]');
        if (print) {
            print.hidden = false;
            print.addEventListener('click', function () { window.print(); });
        }
        var copy = tools.querySelector('[data-copy-link]');
        if (copy && navigator.clipboard && window.isSecureContext) {
            copy.hidden = false;
            copy.addEventListener('click', function () {
                navigator.clipboard.writeText(copy.dataset.copyLink).then(
                    function () { status.textContent = copy.dataset.copied; },
                    function () { status.textContent = copy.dataset.copyLink; });
            });
        }
    });
})();
