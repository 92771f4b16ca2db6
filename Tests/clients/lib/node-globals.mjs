// botframework-directlinejs is written for browsers: it uses RxJS' AjaxObservable (XMLHttpRequest) and the
// global WebSocket. Node 20 has neither, so its README asks for `ws` and `xhr2` as globals.
// Import this module FIRST: ES modules evaluate in import order, so the globals exist before DirectLineJS loads.
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';

globalThis.WebSocket = WebSocket;
globalThis.XMLHttpRequest = XMLHttpRequest;
