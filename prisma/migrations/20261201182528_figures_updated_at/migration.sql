-- CreateIndex
CREATE INDEX "figures_updated_at_id_idx" ON "figures"("updated_at", "id");
