// R-REPAIR-ORDER-5MIN: a work order (维修服务通知单) has a number of its own, from the station's
// counter of the day, prefixed like a ticket's so stations working offline never collide:
// `FD-W20261122-03`.

export function workOrderNumber(stationCode: string, day: string, sequence: number): string {
  return `${stationCode}-W${day}-${String(sequence).padStart(2, '0')}`;
}
