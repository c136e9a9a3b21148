// How the exporter lays a bundle out in its file, so a reader can take it one line
// at a time: the header members on line 1, which ends by opening the events array;
// one event per line, each but the last followed by a comma; the last line closes
// the array and carries the selection. The whole file stays one JSON document.

/** How line 1 ends. */
export const eventsOpening = ',"events":[';

/** How the last line begins. */
export const selectionOpening = '],"selection":';
