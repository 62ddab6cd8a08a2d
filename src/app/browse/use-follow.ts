// Follow mode of a resource view whose descriptor can be followed (a log stream): while on and the
// view is the one shown, new rows are asked for and appended; the cursor stays on the last row
// when it was there. Leaving the view (or going deeper) stops it.
import { useEffect, useRef, useState } from 'react';
import type { Browser, ListingRequest } from './browser.js';
import type { Listing, ListingStatus } from './listing.js';

export function useFollow(options: {
  browser: Browser;
  request: ListingRequest;
  listing: Listing;
  status: ListingStatus;
  active: boolean;
  /** Rows shown and the cursor's row, to keep the cursor on the last row as rows arrive. */
  count: number;
  cursor: number;
  moveTo: (row: number) => void;
  onError: (error: unknown) => void;
}) {
  const { browser, request, listing, status, active, count, cursor, moveTo, onError } = options;
  const canFollow = Boolean(request.descriptor.follow);
  const [following, setFollowing] = useState(false);

  useEffect(() => {
    if (!canFollow || !following || !active || status !== 'done') return undefined;
    const follower = browser.follow(request, listing, (error) => {
      setFollowing(false);
      onError(error);
    });
    return () => follower?.stop();
    // Not on `onError` or `request`: a new closure each render must not restart the follower (the
    // listing changes whenever the request does).
  }, [canFollow, following, active, status, listing]);

  const shownBefore = useRef(count);
  useEffect(() => {
    const before = shownBefore.current;
    shownBefore.current = count;
    if (following && count > before && (before === 0 || cursor === before - 1)) moveTo(count - 1);
  }, [count]);

  return { canFollow, following, toggle: () => setFollowing((on) => !on) };
}
