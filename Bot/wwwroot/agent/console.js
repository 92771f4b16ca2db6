// The agent console's small browser side: a notification and a short beep when a ticket is handed over.
// No assets and no libraries: the Notification API and a WebAudio oscillator.
(() => {
  'use strict';

  let audio;

  function beep() {
    try {
      audio ??= new AudioContext();
      // Browsers start audio suspended until the page was clicked once; resume() is allowed after that.
      if (audio.state === 'suspended') audio.resume();
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + 0.3);
      return true;
    } catch {
      return false;
    }
  }

  function notify(title, body) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return false;
    try {
      new Notification(title, { body, tag: title });
      return true;
    } catch {
      return false;
    }
  }

  window.firstLineConsole = {
    /** What was announced, newest last (also lets a test see that an alert happened). */
    alerts: [],

    alert(title, body) {
      const entry = { title, body, notified: notify(title, body), sounded: beep(), at: Date.now() };
      this.alerts.push(entry);
      document.title = `● ${title}`;
    },

    async requestNotifications() {
      if ('Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
      // The click also unlocks audio for later beeps.
      audio ??= new AudioContext();
      if (audio.state === 'suspended') await audio.resume();
    },
  };
})();
