import WaymarkCore
import WaymarkNative

/// The sheets of one site: a sheet per trail, one of pet tags, one passport per pet.
struct SiteCards {
    let site: Site
    let options: CardPrinter.Options
    let templates: TemplateSet
    let payloads: [Token: String]

    /// A made file and how many faces and pages it holds.
    struct File {
        var bytes: [UInt8]
        var cards: Int
        var pages: Int
    }

    /// Files by path relative to `site/_print/<site>/`.
    func make() throws(DiagnosticsError) -> [(String, File)] {
        let settings = site.config.cards
        let style = try cardStyle(settings)
        let builder = CardFaceBuilder(site: site, templates: templates, payloads: payloads, today: options.today)
        let sheet = options.sheet ?? settings.sheet
        var files: [(String, File)] = []

        if options.pet == nil {
            for trail in site.trails where options.trail.map({ $0 == trail.slug }) ?? true {
                files += try write(sheetNamed: "stops-\(trail.slug)-\(sheet.rawValue)", title: "\(trail.title): stop cards",
                                   kind: .stop, faces: try builder.stopCards(trail), sheet: sheet, style: style)
            }
        }
        if options.trail == nil {
            let pets = site.pets.filter { pet in options.pet.map { $0 == pet.slug } ?? true }
            if !pets.isEmpty {
                let name = options.pet.map { "pet-tag-\($0)" } ?? "pet-tags"
                files += try write(sheetNamed: "\(name)-\(sheet.rawValue)", title: "\(site.config.title): pet tags",
                                   kind: .petTag, faces: try builder.petTags(pets), sheet: sheet, style: style)
            }
            // A passport is not a business card: on card stock it goes on that stock's paper size.
            let passportSheet: CardSettings.Sheet = switch sheet {
            case .avery5371: .letter
            case .averyC32011: .a4
            default: sheet
            }
            for pet in pets {
                files += try write(sheetNamed: "passport-\(pet.slug)-\(passportSheet.rawValue)", title: "\(pet.name): pet passport",
                                   kind: .passport, faces: try builder.passport(pet), sheet: passportSheet, style: style)
            }
        }
        return files
    }
}

private extension SiteCards {
    func cardStyle(_ settings: CardSettings) throws(DiagnosticsError) -> CardStyle {
        switch QRSettingsCheck.style(for: site.config, root: options.root) {
        case let .failure(problems): throw problems
        case let .success(qr):
            var settings = settings
            if let offset = options.offset { settings.offset = offset }
            return CardStyle(settings: settings, accent: RGBColor(hex: site.config.theme.primary) ?? .black, qr: qr,
                             language: site.config.lang, date: options.date)
        }
    }

    func write(sheetNamed name: String, title: String, kind: CardKind, faces: [CardFace], sheet: CardSettings.Sheet, style: CardStyle) throws(DiagnosticsError) -> [(String, File)] {
        let settings = style.settings
        let size = kind == .passport ? settings.passportSize : SheetLayout.cardSize(for: sheet, default: settings.cardSize)
        let layout = SheetLayout.make(sheet, card: size, bleed: sheet == .avery5371 || sheet == .averyC32011 ? 0 : settings.bleed, offset: settings.offset)
        let geometry = CardGeometry(size: size, bleed: layout.bleed, safeMargin: settings.safeMargin)
        do {
            var faces = faces
            if kind == .passport {
                faces = try PassportPaginator(geometry: geometry, style: style, textLines: 24).paginate(faces)
            }
            let cardSheet = CardSheet(name: name, title: title, kind: kind, faces: faces, layout: layout, geometry: geometry, style: style)
            let placed = try cardSheet.placed()
            let pages = cardSheet.pages.count
            var files = [
                ("\(name).pdf", File(bytes: try cardSheet.pdf(placed), cards: faces.count, pages: pages)),
                ("\(name).png", File(bytes: try cardSheet.preview(placed), cards: min(faces.count, layout.slots.count), pages: 1)),
            ]
            if kind != .passport {
                files.append(("\(name).html", File(bytes: Array(cardSheet.html(placed, templates: templates).utf8), cards: faces.count, pages: pages)))
            }
            return files
        } catch let problem as LayoutProblem {
            throw DiagnosticsError([.error("cannot lay out the \(kind.rawValue) cards of \(name): \(problem.message)", at: settings.location)])
        } catch {
            throw DiagnosticsError([.error("cannot print \(name): \(error)", at: settings.location)])
        }
    }
}
