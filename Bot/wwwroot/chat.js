// The demo page: Microsoft's Web Chat talking Direct Line 3.0 to this FirstLine server.
// The token comes from our own origin (/api/webchat/token), which keeps the Direct Line secret on the
// server and lets this browser resume its conversation through an HttpOnly cookie.
(function () {
  'use strict';

  var texts = {
    de: {
      title: 'IT-Support',
      intro: 'Beschreiben Sie Ihr IT-Problem. Unser virtueller Assistent hilft sofort, und bei Bedarf übernimmt ein Mensch aus unserem Support-Team.',
      newConversation: 'Neues Gespräch',
      error: 'Der Chat konnte nicht geladen werden. Bitte laden Sie die Seite neu.'
    },
    en: {
      title: 'IT Support',
      intro: 'Describe your IT problem. Our virtual assistant helps right away, and a person from our support team takes over when needed.',
      newConversation: 'New conversation',
      error: 'The chat could not be loaded. Please reload the page.'
    }
  };

  function chosenLanguage() {
    var requested = new URLSearchParams(window.location.search).get('lang');
    if (requested === 'de' || requested === 'en') {
      return requested;
    }
    return (navigator.language || 'en').toLowerCase().indexOf('de') === 0 ? 'de' : 'en';
  }

  var language = chosenLanguage();
  var locale = language === 'de' ? 'de-DE' : 'en-US';
  document.documentElement.lang = language;
  document.querySelectorAll('[data-text]').forEach(function (element) {
    element.textContent = texts[language][element.getAttribute('data-text')];
  });
  document.querySelectorAll('[data-lang]').forEach(function (link) {
    if (link.getAttribute('data-lang') === language) {
      link.setAttribute('aria-current', 'true');
    }
  });

  document.getElementById('new-conversation').addEventListener('click', function () {
    fetch('api/webchat/new', { method: 'POST', credentials: 'same-origin' }).then(function () {
      window.location.reload();
    });
  });

  function showError() {
    var error = document.getElementById('error');
    error.textContent = texts[language].error;
    error.hidden = false;
  }

  fetch('api/webchat/token?locale=' + encodeURIComponent(locale), { method: 'POST', credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('token request failed: ' + response.status);
      }
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: new URL('v3/directline', window.location.href).href,
        conversationStartProperties: { locale: locale }
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          userID: session.userId,
          locale: locale,
          styleOptions: {
            botAvatarInitials: 'FL',
            userAvatarInitials: language === 'de' ? 'Sie' : 'You',
            hideUploadButton: false,
            sendTypingIndicator: true
          }
        },
        document.getElementById('webchat')
      );
      document.querySelector('#webchat').focus();
    })
    .catch(function (error) {
      console.error(error);
      showError();
    });
})();
