/** Who is signed in. Loaded once with `me`; sign-in, registration and sign-out update it. */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { client, resetLiveConnection } from '../graphql/client';
import { graphql } from '../gql';
import type { ViewerFragment } from '../gql/graphql';

export const ViewerFields = graphql(`
  fragment Viewer on User {
    id
    displayName
    role
    jobTitle
    email
    emailVerified
    approvalStatus
    approvalReason
    suspendedUntil
    suspensionReason
    comune {
      istatCode
      name
      province
      isPiccolo
    }
  }
`);

const MeDocument = graphql(`
  query Me {
    me {
      ...Viewer
    }
  }
`);

export type Viewer = ViewerFragment;

interface Session {
  /** `undefined` while loading, `null` when signed out. */
  viewer: Viewer | null | undefined;
  setViewer: (viewer: Viewer | null) => void;
  /** Read `me` again (after the member's standing changed: verified, approved). */
  refresh: () => void;
}

const SessionContext = createContext<Session>({ viewer: undefined, setViewer: () => {}, refresh: () => {} });

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [viewer, setViewerState] = useState<Viewer | null | undefined>(undefined);

  // One `me` read at a time, in order: a read sent before the member's standing changed (the
  // page's first load, racing the email verification) must not land after the read sent
  // because it changed, nor share its in-flight request.
  const reads = useRef<Promise<void>>(Promise.resolve());
  const refresh = useCallback(() => {
    reads.current = reads.current.then(() =>
      client
        .query(MeDocument, {}, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => setViewerState(result.data?.me ?? null)),
    );
  }, []);
  useEffect(refresh, [refresh]);

  const setViewer = useCallback((next: Viewer | null) => {
    // The websocket authenticated with the old cookie; open a new one on demand.
    resetLiveConnection();
    setViewerState(next);
  }, []);

  const value = useMemo(() => ({ viewer, setViewer, refresh }), [viewer, setViewer, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}
