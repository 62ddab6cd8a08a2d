// The body is a stack of views: Enter/d drills in (push), Esc goes back (pop), `p` jumps home (reset).

export type ViewId = 'profiles' | 'profile-detail' | 'why' | 'errors' | 'populate';

export interface ViewEntry {
  id: ViewId;
  /** e.g. the profile a detail view is about. */
  profile?: string;
  /** The sso-session a populate view lists. */
  ssoSession?: string;
}

export type ViewStack = ViewEntry[];

export type ViewStackAction =
  | { type: 'push'; view: ViewEntry }
  | { type: 'pop' }
  | { type: 'reset'; view: ViewEntry };

export function viewStackReducer(stack: ViewStack, action: ViewStackAction): ViewStack {
  switch (action.type) {
    case 'push': {
      // Opening the view already on top is a no-op rather than a duplicate entry.
      const top = stack[stack.length - 1];
      if (top && top.id === action.view.id && top.profile === action.view.profile && top.ssoSession === action.view.ssoSession) return stack;
      return [...stack, action.view];
    }
    case 'pop': return stack.length > 1 ? stack.slice(0, -1) : stack;
    case 'reset': return [action.view];
  }
}

export const topView = (stack: ViewStack): ViewEntry => stack[stack.length - 1];
