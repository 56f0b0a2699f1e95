import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client.ts';

/** The signed-in user's in-app notifications (all organisations they belong to). */

export type TNotification = {
  id: string; orgId: string; orgName: string; kind: string; subjectType: string; subjectId: string | null;
  /** Ids and codes only, never identifying data. */
  payload: Record<string, string | number | boolean | null>;
  createdAt: string; readAt: string | null;
};
type TNotificationList = { notifications: TNotification[]; unread: number };

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
};

/** How often the header asks for the unread count (no websockets: a cheap poll is enough for notices). */
export const UNREAD_POLL_MS = 60_000;

/** The unread count for the header bell, asked again every minute (and when the tab regains focus). */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api.get<TNotificationList>('/api/notifications?unreadOnly=true&limit=1'),
    select: (data) => data.unread,
    refetchInterval: UNREAD_POLL_MS,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: () => api.get<TNotificationList>('/api/notifications?limit=100'),
    refetchInterval: UNREAD_POLL_MS,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<undefined>(`/api/notifications/${seg(id)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
