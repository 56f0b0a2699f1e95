import { z } from 'zod';

export const ZNotification = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  payload: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotificationView = z.infer<typeof ZNotification>;

export const ZNotificationQuery = z.object({
  unreadOnly: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

export const ZNotificationList = z.object({ notifications: z.array(ZNotification), unread: z.number().int() });
export const ZNotificationParams = z.object({ notificationId: z.uuid() }).strict();
