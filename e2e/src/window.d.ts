// What the board page exposes to tests (client/src/board/Board.tsx), typed as far as tests read it.
interface Window {
  __samla?: {
    editor: {
      getCurrentPageShapes(): unknown[]
      store: { allRecords(): Array<{ typeName: string }> }
      user: {
        getId(): string
        getName(): string
        getLocale(): string
        updateUserPreferences(preferences: { name?: string }): void
      }
      getCollaborators(): { userId: string }[]
      getIsReadonly(): boolean
      getCurrentPage(): { name: string }
      startFollowingUser(userId: string): void
      stopFollowingUser(): void
      getCamera(): { x: number; y: number; z: number }
      setCamera(camera: { x: number; y: number; z: number }): void
      getPages(): { id: string; name: string }[]
      getPageShapeIds(pageId: string): Set<string>
      getShape(id: string): { type: string } | undefined
      getCurrentPageBounds(): { x: number; y: number; w: number; h: number } | undefined
      getViewportPageBounds(): { x: number; y: number; w: number; h: number }
      pageToScreen(point: { x: number; y: number }): { x: number; y: number }
    }
  }
}
