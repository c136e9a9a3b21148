/** The queue's page as the schema names it. */
export const notificationResolvers = {
  NotificationConnection: {
    nodes: (page: { items: unknown[] }) => page.items,
    totalCount: (page: { total: number }) => page.total,
  },
};
