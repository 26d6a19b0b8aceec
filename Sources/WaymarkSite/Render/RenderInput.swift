import WaymarkCore
import WaymarkNative

/// What rendering a site needs besides its content.
struct RenderInput {
    let site: Site
    let templates: TemplateSet
    /// The day vaccination states are computed for (SOURCE_DATE_EPOCH, or today).
    let today: CalendarDate
    /// The ledger after this build's reconciliation: retired tokens get notice pages. (Set once
    /// the tokens are reconciled; the QR codes, made earlier, do not read it.)
    var ledger: TokenLedger
    /// Checked beforehand (`QRSettingsCheck`): every code of the site is made with it.
    let qrStyle: QRStyle
    /// Where images referenced from content are read from.
    let root: String
    let files: ContentFiles
    /// What may be taken over from the previous build; nil renders everything.
    var reuse: PageReuse? = nil
    /// Where a build writes trees early, while the rest renders (`PrestagedTrees`); nil when
    /// nothing is written (`waymark check`).
    var prestaged: PrestagedTrees? = nil
    /// The site's QR codes (`QRCodeFiles`), started before the tokens were reconciled; nil
    /// makes them when the site renders.
    var codes: BackgroundValue<Result<(OutputTree, RenderRecords), DiagnosticsError>>? = nil
    /// Progress of the render, for a progress bar.
    var report: (@Sendable (BuildEvent) -> Void)? = nil
    /// The site's live tokens (`Site.issuedTokens`), made once: the codes, the redirect pages,
    /// the manifest and the server rules each go through all of them.
    let issuedTokens: [IssuedToken]

    init(site: Site, templates: TemplateSet, today: CalendarDate, ledger: TokenLedger, qrStyle: QRStyle, root: String, files: ContentFiles, report: (@Sendable (BuildEvent) -> Void)? = nil) {
        (self.site, self.templates, self.today, self.ledger, self.qrStyle) = (site, templates, today, ledger, qrStyle)
        (self.root, self.files, self.report) = (root, files, report)
        issuedTokens = site.issuedTokens
    }

    var maxImageBytes: Int { config.maxImageBytes }

    var config: SiteConfig { site.config }

    /// The token folders redirect pages are written to: `t`, and `T` for upper-case payloads.
    var tokenFolders: [String] { config.qr.uppercase ? ["t", "T"] : ["t"] }

    /// Site-absolute link for a site path, honouring a base URL below a path.
    func link(_ sitePath: String) -> String { config.baseURL.path(sitePath) }

    /// The text printed in a token's QR code: as short as the site allows, in the form its host
    /// answers in one hop.
    func payload(for token: Token) -> String {
        let base = (config.shortURL ?? config.baseURL).description
        let payload = base + "/t/\(token)" + (config.host.servesTokenWithoutSlash ? "" : "/")
        return config.qr.uppercase ? payload.uppercased() : payload
    }
}
