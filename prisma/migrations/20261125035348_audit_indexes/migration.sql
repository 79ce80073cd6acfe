-- CreateIndex
CREATE INDEX "audit_events_action_id_idx" ON "audit_events"("action", "id");

-- CreateIndex
CREATE INDEX "audit_events_user_id_action_created_at_idx" ON "audit_events"("user_id", "action", "created_at");
