"use client";
// One chart failing (a slow or lost database) must not blank the page: each
// chart has its own error boundary with a retry that re-renders it from the server.
import { Component, startTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

interface State {
  failed: boolean;
}

class Boundary extends Component<{ fallback: (retry: () => void) => ReactNode; onRetry: () => void; children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  retry = () => {
    this.props.onRetry();
    this.setState({ failed: false });
  };

  render() {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children;
  }
}

export function ChartBoundary({ title, height = 300, children }: { title: string; height?: number; children: ReactNode }) {
  const router = useRouter();
  const t = useTranslations("charts");
  return (
    <Boundary
      onRetry={() => startTransition(() => router.refresh())}
      fallback={(retry) => (
        <figure className="chart card chart-failed">
          <figcaption>{title}</figcaption>
          <div className="chart-body" style={{ height }} role="alert">
            <p>{t("failed")}</p>
            <button type="button" className="primary" onClick={retry}>
              {t("retry")}
            </button>
          </div>
        </figure>
      )}
    >
      {children}
    </Boundary>
  );
}
